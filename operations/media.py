"""Images served by the app servers when they sit on the local disk
(SERVE_MEDIA): with a year's cache lifetime, so that Varnish, a CDN and
browsers keep them. A rendition is written once, under a name made of its
image's file and its filter, and an image given a new file gets new names:
a URL never changes content. Documents are not served from here but by
Wagtail's document view, which checks their collection's privacy.

A middleware rather than a view, placed before the session and language
middleware: an image is the same file for every reader, and theirs would add
`Vary: Accept-Language, Cookie`, splitting every cache's copy by reader."""

import posixpath

from django.conf import settings
from django.views.static import serve

CACHE_CONTROL = "public, max-age=31536000, immutable"
# Renditions, and originals (the "original" filter links to them).
IMAGE_FOLDERS = ("images/", "original_images/")


class MediaImagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefix = settings.MEDIA_URL
        if settings.SERVE_MEDIA and prefix.startswith("/") and request.path_info.startswith(prefix):
            # Folders are checked on the path the file is read from: "images/../documents/..." is a document.
            path = posixpath.normpath(request.path_info.removeprefix(prefix))
            if path.startswith(IMAGE_FOLDERS) and request.method in ("GET", "HEAD"):
                response = serve(request, path, document_root=settings.MEDIA_ROOT)
                response["Cache-Control"] = CACHE_CONTROL
                return response
        return self.get_response(request)
