from wagtail import hooks

from .tags import list_tag, page_tag, shows


@hooks.register("before_serve_page", order=-100)
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Tells the page cache which page answers, before Wagtail's view
    restrictions may answer instead (a password form, a login redirect), and
    tags the response with it and with the listing of its children."""
    request.page_cache_page = page
    shows(page_tag(page.pk), list_tag(page.pk))
