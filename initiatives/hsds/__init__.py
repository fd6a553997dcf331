"""The directory as Open Referral HSDS 3.0: the API, its records and the data package.

Initiatives are HSDS organizations; each area an initiative works on is one
of its services; initiative types and areas of work are taxonomies; the
countries and languages of an initiative become the standard's service
areas and languages. One record per initiative in every language (ids come
from the page's translation key), with texts in the language asked for.
"""
