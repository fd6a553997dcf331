"""The apps are layers: each imports only the ones below it, so no two import each other.

Read from the source (every import, also inside functions), not from a
running process, so an import that only happens on some path counts too.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

BELOW_CONTENT = {"core", "security", "taxonomy"}
CONTENT = {"initiatives", "practices", "funding", "forms"}

# What each app may import besides itself, bottom to top. Every app may import
# core, which imports no other; home may import the content apps for its
# sections; only demo and portal may import home, and only portal may import demo.
MAY_IMPORT = {
    "core": set(),
    # Health check and scheduler: run other apps' commands by name, import none.
    "operations": set(),
    "languages": {"core"},
    "security": {"core"},
    "taxonomy": {"core", "security"},
    "initiatives": BELOW_CONTENT,
    "practices": BELOW_CONTENT,
    "funding": BELOW_CONTENT | {"initiatives"},
    "forms": BELOW_CONTENT | {"initiatives"},
    "home": BELOW_CONTENT | CONTENT,
    "demo": BELOW_CONTENT | CONTENT | {"home"},
    "portal": BELOW_CONTENT | CONTENT | {"home", "demo", "operations"},
}
APPS = set(MAY_IMPORT)

# Demo content still inside the other apps belongs to the demo layer.
DEMO_COMMANDS = {"load_demo_content", "export_demo_strings", "prepare_demo", "demo_admin"}


def layer(module):
    """The app a dotted module name belongs to, or None outside the project's apps."""
    parts = module.split(".")
    if parts[0] not in APPS:
        return None
    if "demo" in parts[1:] or (
        len(parts) == 4 and parts[1:3] == ["management", "commands"] and parts[3] in DEMO_COMMANDS
    ):
        return "demo"
    return parts[0]


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path):
    """(line, dotted name, inside a function) of every import in the file."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(), str(path))
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                found.append((child.lineno, base, in_function))
                # "from . import x" and "from forms import moderation" name modules too.
                found.extend(
                    (child.lineno, f"{base}.{alias.name}", in_function) for alias in child.names
                )
            visit(child, nested)

    visit(tree, False)
    return found


def project_files():
    for app in sorted(APPS):
        directory = ROOT / app
        if directory.is_dir():
            yield from sorted(directory.rglob("*.py"))


def app_imports():
    """(importing file, line, importer's layer, imported module, its layer), across apps."""
    for path in project_files():
        source_layer = layer(module_name(path))
        for line, name, _in_function in imported_modules(path):
            target_layer = layer(name)
            if target_layer and target_layer != source_layer:
                yield path.relative_to(ROOT), line, source_layer, name, target_layer


def test_the_allowed_imports_form_layers_without_a_cycle():
    seen, done = set(), set()

    def visit(app, trail):
        assert app not in seen - done, f"cycle: {' -> '.join([*trail, app])}"
        if app in done:
            return
        seen.add(app)
        for lower in MAY_IMPORT[app]:
            visit(lower, [*trail, app])
        done.add(app)

    for app in sorted(APPS):
        visit(app, [])


def test_the_scan_sees_the_imports_it_judges():
    """A guard against a scan that checks nothing: known imports are found."""
    found = {(str(path), name) for path, _line, _src, name, _dst in app_imports()}
    assert (str(Path("home/models.py")), "core.blocks.BodyBlock") in found
    assert (str(Path("portal/urls.py")), "home.search") in found


def test_no_app_imports_one_it_may_not():
    wrong = [
        f"{path}:{line} ({source} -> {target}) imports {name}"
        for path, line, source, name, target in app_imports()
        if target not in MAY_IMPORT[source]
    ]
    assert not wrong, "\n".join(wrong)


def test_core_imports_no_other_app():
    wrong = [
        f"{path}:{line} imports {name}"
        for path, line, source, name, _target in app_imports()
        if source == "core"
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", list(project_files()), ids=lambda path: module_name(path))
def test_an_import_inside_a_function_says_why(path):
    """An import of the project's own code belongs at the top of its module.

    Inside a function only when it must wait (for the apps to be loaded, or
    for a database the module needs), with a comment on the line before it
    or on the import itself saying so. The demo content is left alone: it is
    moving into the demo app as data files.
    """
    if layer(module_name(path)) == "demo" or "migrations" in path.parts:
        return
    lines = path.read_text().splitlines()
    tree = ast.parse("\n".join(lines))
    import_lines = {
        number
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for number in range(node.lineno, node.end_lineno + 1)
    }
    unexplained = []
    for line, name, in_function in imported_modules(path):
        if not in_function or not layer(name):
            continue
        above = line - 1  # 1-based: the line before the import
        while above in import_lines or (above > 0 and not lines[above - 1].strip()):
            above -= 1
        if "#" not in lines[line - 1] and not lines[above - 1].lstrip().startswith("#"):
            unexplained.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not unexplained, "\n".join(unexplained)
