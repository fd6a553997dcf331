"""Which caches in front of the portal Wagtail purges on publish and unpublish.

``wagtail.contrib.frontend_cache`` sends the purges; this reads its backends
from the environment so that a deployment chooses them without code:

- ``FRONTEND_CACHE_PURGE_URL``: comma-separated base URLs of caches that
  accept HTTP ``PURGE`` (Varnish, nginx with a purge module, Squid);
- ``FRONTEND_CACHE_CLOUDFLARE_ZONEID`` with ``FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN``;
- ``FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID`` (AWS credentials from the
  usual AWS variables; needs boto3, in the ``s3`` extra).

Listings that show a page are not purged one by one: they carry
``max-age=PAGE_CACHE_BROWSER_SECONDS``, so a cache in front never keeps them
longer than that after a change.
"""

from portal.env import env_list, env_str


def frontend_cache_from_env():
    backends = {}
    for number, location in enumerate(env_list("FRONTEND_CACHE_PURGE_URL"), start=1):
        backends[f"purge-{number}"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    zone = env_str("FRONTEND_CACHE_CLOUDFLARE_ZONEID")
    if zone:
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": env_str("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"),
        }
    distribution = env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID")
    if distribution:
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    return backends
