from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def is_past(event):
    """Whether `event` has ended (an event without an end ends when it starts)."""
    return (event.ends_at or event.starts_at) < timezone.now()
