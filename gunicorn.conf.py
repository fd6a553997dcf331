"""gunicorn's configuration, for every place that runs the portal's app server.

The Dockerfile, ``scripts/cluster`` and ``make bench`` all start
``gunicorn -c gunicorn.conf.py portal.wsgi:application``; the environment
changes only what differs between them.

No client address is logged anywhere (the README promises it): the access
log has time, method, path (without the query string), status, size and
duration, and gunicorn's own messages have any address replaced by
``[address]`` before they are written.
"""

import logging
import os
import re

from gunicorn.glogging import Logger

bind = [os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"]
# Rendering is CPU-bound: about one worker per core, plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# X-Forwarded-Proto is trusted from these addresses: the proxy in front. "*"
# because in containers its address is not known in advance; the app port is
# reachable only from the proxy (compose publishes the proxy's port alone).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")

loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
errorlog = "-"
# GUNICORN_ACCESS_LOG=off switches the access log off.
accesslog = None if os.environ.get("GUNICORN_ACCESS_LOG", "-") == "off" else "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'

ADDRESS = re.compile(
    r"\b(?:\d{1,3}\.){3}\d{1,3}\b"  # IPv4
    r"|\b(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}\b",  # IPv6
    re.IGNORECASE,
)


class WithoutAddresses(logging.Filter):
    """Replace client addresses in gunicorn's error-log lines ("Invalid request from ip=...")."""

    def filter(self, record):
        message = record.getMessage()
        if ADDRESS.search(message):
            record.msg, record.args = ADDRESS.sub("[address]", message), ()
        return True


class AddressFreeLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        self.error_log.addFilter(WithoutAddresses())


logger_class = AddressFreeLogger
