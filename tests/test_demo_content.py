"""The demo content files are complete and say only what the models can take.

Loading them (tests/conftest.py) proves the rest: every link resolves, and
tests/test_foundation_pages.py loads them twice to show nothing changes.
"""

from django.core.exceptions import FieldDoesNotExist

from demo.loader import CONTENT_DIR, content_files, model_named, sections


def test_every_content_file_is_loaded():
    listed = {path.name for path in content_files()}
    on_disk = {path.name for path in CONTENT_DIR.glob("*.yaml")} - {"index.yaml"}
    assert on_disk == listed, "list every file of demo/content/ in index.yaml, once"
    assert len(content_files()) == len(listed)


def test_every_field_named_in_the_content_exists():
    unknown = []
    for section in sections():
        model = model_named(section["model"])
        for item in [section.get("common", {}), *section["items"]]:
            for name in item:
                try:
                    model._meta.get_field(name)
                except FieldDoesNotExist:
                    unknown.append(f"{section['file']}: {model.__name__}.{name}")
    assert not unknown
