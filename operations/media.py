"""Images served by the app servers when they sit on the local disk
(SERVE_MEDIA): with a year's cache lifetime, so that Varnish, a CDN and
browsers keep them. A rendition is written once, under a name made of its
image's file and its filter, and an image given a new file gets new names:
a URL never changes content. Documents are not served from here but by
Wagtail's document view, which checks their collection's privacy."""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

CACHE_CONTROL = "public, max-age=31536000, immutable"
# Renditions, and originals (the "original" filter links to them).
IMAGE_FOLDERS = ("images/", "original_images/")


def serve_image(request, path):
    # Folders are checked on the path the file is read from: "images/../documents/..." is a document.
    path = posixpath.normpath(path)
    if not settings.SERVE_MEDIA or not path.startswith(IMAGE_FOLDERS):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = CACHE_CONTROL
    return response
