# Production image: slim Python 3.11, non-root, gunicorn (gunicorn.conf.py).
# Build:  docker build -t survivor-portal .
# Run:    see compose.yaml for the processes and the environment they need.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    PORTAL_VAR_DIR=/app/var \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/var/media \
    PORT=8000

RUN useradd --create-home --uid 10001 portal

WORKDIR /app

# Dependencies in their own layer, exactly as locked (hashes checked): rebuilt
# only when the lock changes. `make lock` writes it from pyproject.toml.
COPY requirements/production.txt requirements/production.txt
RUN pip install --require-hashes --no-deps -r requirements/production.txt

COPY --chown=portal:portal . .

# Static files are collected and compressed at build time. The build needs a
# secret key and a form key to import the settings; these throwaway ones are never
# used at run time.
RUN SECRET_KEY=collectstatic-only \
    FORMS_ENCRYPTION_KEYS="$(python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')" \
    python manage.py collectstatic --no-input -v 0 \
    && python manage.py compile_translations \
    && mkdir -p /app/var/media && chown -R portal:portal /app/var

USER portal
EXPOSE 8000

# Asks /healthz with the first ALLOWED_HOSTS entry as Host (scripts/healthcheck).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "scripts/healthcheck"]

# gunicorn.conf.py: workers, timeouts, and an access log without client addresses.
CMD ["gunicorn", "-c", "gunicorn.conf.py", "portal.wsgi:application"]
