"""Every patch of Wagtail or a package is listed in core.monkey_patches and watched."""

from pathlib import Path

from django.apps import apps
from django.db.models.signals import pre_save

from core import monkey_patches
from core.tree_integrity import keep_numchild_from_database

ROOT = Path(__file__).resolve().parent.parent


def installed_package_templates():
    """Template paths (relative to a templates/ directory) that installed packages ship."""
    found = set()
    for config in apps.get_app_configs():
        directory = Path(config.path) / "templates"
        if "site-packages" in directory.parts and directory.is_dir():
            found |= {str(path.relative_to(directory)) for path in directory.rglob("*.html")}
    return found


def test_every_patch_says_what_why_and_where():
    for patch in monkey_patches.PATCHES:
        assert patch.changes and patch.why and patch.upstream_issue, patch.name
        assert (ROOT / patch.ours).is_file(), patch.ours


def test_the_installed_upstream_code_is_the_code_the_patches_were_written_for():
    assert monkey_patches.changed_patches() == []


def test_a_changed_upstream_is_reported_at_check_time(monkeypatch):
    stale = monkey_patches.PATCHES[3]
    assert stale.current_fingerprint() is not None
    monkeypatch.setattr(
        monkey_patches,
        "PATCHES",
        [monkey_patches.Patch(**{**stale.__dict__, "fingerprint": "0" * 16})],
    )
    warnings = monkey_patches.upstream_code_unchanged()
    assert [warning.id for warning in warnings] == ["core.W001"]
    assert stale.ours in warnings[0].hint


def test_every_template_that_overrides_a_package_template_is_listed():
    shipped = installed_package_templates()
    assert "wagtailadmin/login.html" in shipped  # the scan sees Wagtail's templates
    listed = {patch.ours for patch in monkey_patches.PATCHES}
    overrides = {
        str(path.relative_to(ROOT))
        for directory in (ROOT / "templates", ROOT / "security" / "templates")
        for path in directory.rglob("*.html")
        if str(path.relative_to(directory)) in shipped
    }
    assert overrides, "the scan found no override at all"
    assert overrides <= listed, overrides - listed


def test_the_numchild_receiver_is_installed_by_the_patch_module():
    # Connected for every sender under its dispatch_uid, by monkey_patches.apply().
    lookup_keys = [entry[0][0] for entry in pre_save.receivers]
    assert "keep-numchild-from-database" in lookup_keys
    assert keep_numchild_from_database.__module__ == "core.tree_integrity"
