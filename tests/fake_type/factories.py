from .models import FieldNotePage


def note(home, title, author, observation="", publish=True):
    page = FieldNotePage(
        title=title, summary=title, locale=home.locale, author=author, observation=observation, live=publish
    )
    home.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page
