from .smtp import smtp_server  # noqa: F401
