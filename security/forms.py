"""The admin sign-in form: password, then a one-time code for staff who turned 2FA on."""

from django import forms
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from django_otp import match_token, user_has_device
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .two_factor_policy import must_enrol


class LoginForm(WagtailLoginForm):
    """Wagtail's login form with an authentication-code field and no "Remember me".

    Staff with a confirmed TOTP device must give a valid code; the others sign
    in with their password. A wrong code counts as a failed sign-in for the
    lockout (django-axes). Without "Remember me", Wagtail ends every admin
    session when the browser closes.
    """

    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        max_length=16,
        help_text=_("Only if you turned on two-factor authentication: the code from your app."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    error_messages = {
        **WagtailLoginForm.error_messages,
        "invalid_otp": _("That authentication code is not valid. Please try again."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A shared device must not keep an editor signed in.
        self.fields.pop("remember", None)

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and user_has_device(user, confirmed=True):
            token = (cleaned_data.get("otp_token") or "").replace(" ", "")
            device = match_token(user, token) if token else None
            if device is None:
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": cleaned_data.get("username")},
                    request=self.request,
                )
                self.user_cache = None
                raise forms.ValidationError(self.error_messages["invalid_otp"], code="invalid_otp")
            # django_otp's user_logged_in receiver marks the session as verified.
            user.otp_device = device
        elif user is not None:
            # Superusers and moderators without 2FA: sent to set it up (see the middleware).
            user.must_enrol_two_factor = must_enrol(user)
        return cleaned_data


class ConfirmDeviceForm(forms.Form):
    token = forms.CharField(
        label=_("Authentication code"),
        max_length=16,
        help_text=_("The six-digit code your authenticator app shows now."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("That code is not valid. Check your app and try again."))
        return token
