"""Keep the page tree's child counts right when translations publish late.

wagtail-localize publishes a translated page's revision when the transaction
commits. The revision was made when the page had no children yet, so its
``numchild`` is stale by then; publishing writes it back and the page's
children vanish from routing and menus (wagtail-localize issue #773: "Page
tree problems after translating including subtree"). ``numchild`` belongs to
treebeard's tree operations, which update it in the database, so an ordinary
save takes the database's value instead of the in-memory one.
"""

from wagtail.models import Page


def keep_numchild_from_database(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    stored = Page.objects.filter(pk=instance.pk).values_list("numchild", flat=True).first()
    if stored is not None:
        instance.numchild = stored
