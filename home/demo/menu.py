"""Put the main navigation in its intended order, once every section exists."""

MENU_ORDER = ["initiatives", "practices", "funding", "get-involved", "about"]


def load(context):
    home = context.home
    current = [page.slug for page in home.get_children().in_menu()]
    wanted = [slug for slug in MENU_ORDER if slug in current]
    if [slug for slug in current if slug in wanted] == wanted:
        return
    for slug in wanted:
        page = home.get_children().get(slug=slug)
        page.move(home, pos="last-child")
