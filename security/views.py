"""Turning two-factor authentication on and off, from the editor's account page."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import ConfirmDeviceForm
from .qr import qr_code_data_uri

DEVICE_NAME = "Authenticator app"


def _confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


@never_cache
def two_factor(request):
    """Show the state of 2FA; set it up with a QR code, or turn it off with a code."""
    user = request.user
    device = _confirmed_device(user)
    if device is not None:
        form = ConfirmDeviceForm(request.POST or None, device=device)
        if request.method == "POST" and form.is_valid():
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(request, _("Two-factor authentication is off."))
            return redirect("security_two_factor")
        return TemplateResponse(
            request, "security/two_factor.html", {"enabled": True, "form": form}
        )

    with transaction.atomic():
        pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if pending is None:
            pending = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = ConfirmDeviceForm(request.POST or None, device=pending)
    if request.method == "POST" and form.is_valid():
        pending.confirmed = True
        pending.save(update_fields=["confirmed"])
        # This session has just proved it holds the device.
        otp_login(request, pending)
        messages.success(
            request,
            _("Two-factor authentication is on. You will be asked for a code when you sign in."),
        )
        return redirect("security_two_factor")
    return TemplateResponse(
        request,
        "security/two_factor.html",
        {
            "enabled": False,
            "form": form,
            "qr_code": qr_code_data_uri(pending.config_url),
            "secret": _base32_secret(pending),
        },
    )


def _base32_secret(device):
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
