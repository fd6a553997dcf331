"""Demo content: the page tree and example pages a fresh portal starts with.

Each app that has demo content gives a ``load(context)`` function in its own
``demo`` module; ``manage.py load_demo_content`` calls them in order. Every
loader only creates what is missing, so running it again changes nothing.
"""
