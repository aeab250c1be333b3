"""Events, their programmes and registrations.

This app shares its top-level name with the PyPI package "Events", which
opensearch-py imports as `from events import Events`. Python finds this app
first (the project is first on sys.path), so that import lands here, whatever
the order in which the two are imported (before or after `django.setup()`).
Here, and only here, it is answered: the names of the PyPI package are loaded
from its installed files under a private module name, so this app keeps
`events` and the client gets its class.
"""

import importlib.util
import sys
from importlib.metadata import PackageNotFoundError, distribution

_PYPI_NAMES = {"Events", "EventsException"}
_PYPI_MODULE = "_pypi_events"


def _pypi_events():
    if _PYPI_MODULE not in sys.modules:
        try:
            path = distribution("Events").locate_file("events/events.py")
        except PackageNotFoundError as error:
            raise ImportError("the PyPI package 'Events' (needed by opensearch-py) is not installed") from error
        spec = importlib.util.spec_from_file_location(_PYPI_MODULE, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[_PYPI_MODULE] = module
    return sys.modules[_PYPI_MODULE]


def __getattr__(name):
    if name in _PYPI_NAMES:
        return getattr(_pypi_events(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
