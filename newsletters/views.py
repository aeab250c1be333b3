"""The reader's side: subscribe, confirm, manage, unsubscribe. Subscribing
needs no CSRF token: the footer carrying the form is the same for every reader
(and pages keep their place in the page cache by setting no cookie), and a
forged post can only make the site mail a confirmation link, which the rate
limit bounds and the address's owner alone can follow. Unsubscribing takes a
mail client's one-click POST (RFC 8058), which has no token either."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from . import subscriptions
from .forms import CONSENT_TEXT, ManageForm, SubscribeForm
from .links import key_from_confirm_token, key_from_manage_token, manage_token
from .models import Subscriber


def alternates(request, name, *args):
    """{language: absolute URL of this view in it}, for the language switcher."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = request.build_absolute_uri(reverse(f"newsletters:{name}", args=args))
    return urls


def render_page(request, template, context, name, *args, status=200):
    context = {**context, "language_alternates": alternates(request, name, *args)}
    return render(request, f"newsletters/{template}.html", context, status=status)


@csrf_exempt
def subscribe(request):
    if request.method != "POST":
        form = SubscribeForm(initial={"source": request.GET.get("source", "")})
        return render_page(request, "subscribe", {"form": form}, "subscribe")
    form = SubscribeForm(request.POST)
    if form.over_rate_limit(request):
        status = 429
    elif form.is_valid():
        if not form.is_spam:
            data = form.cleaned_data
            with translation.override(data["language"]):
                consent_text = str(CONSENT_TEXT)
            subscriptions.request_subscription(
                request,
                email=data["email"],
                language=data["language"],
                newsletter=data["newsletter"],
                topics=data["topics"],
                alert_frequency=data["alert_frequency"],
                consent_text=consent_text,
                source=data["source"],
            )
        # The same answer whether the address was known, new or a bot's.
        return render_page(request, "subscribe_sent", {"email": form.cleaned_data["email"]}, "subscribe")
    else:
        status = 400
    return render_page(request, "subscribe", {"form": form}, "subscribe", status=status)


def _subscriber(key):
    subscriber = Subscriber.objects.filter(key=key).first() if key else None
    if subscriber is None:
        raise Http404
    return subscriber


@never_cache
def confirm(request, token):
    subscriber = _subscriber(key_from_confirm_token(token))
    if request.method == "POST":
        subscriptions.confirm(subscriber)
        return redirect(reverse("newsletters:manage", args=[manage_token(subscriber)]) + "?confirmed=1")
    return render_page(request, "confirm", {"subscriber": subscriber}, "confirm", token)


@never_cache
def manage(request, token):
    subscriber = _subscriber(key_from_manage_token(token))
    form = ManageForm(request.POST or None, subscriber=subscriber)
    saved = False
    if request.method == "POST" and form.is_valid():
        subscriptions.update_choices(
            subscriber,
            language=form.cleaned_data["language"],
            newsletter=form.cleaned_data["newsletter"],
            topics=form.cleaned_data["topics"],
            alert_frequency=form.cleaned_data["alert_frequency"],
        )
        saved = True
        form = ManageForm(subscriber=subscriber)
    context = {
        "subscriber": subscriber,
        "form": form,
        "token": token,
        "saved": saved,
        "confirmed": request.GET.get("confirmed") == "1",
    }
    return render_page(
        request, "manage", context, "manage", token, status=400 if form.errors and request.method == "POST" else 200
    )


@csrf_exempt
@never_cache
def unsubscribe(request, token):
    subscriber = _subscriber(key_from_manage_token(token))
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber)
    context = {"subscriber": subscriber, "token": token, "done": request.method == "POST"}
    return render_page(request, "unsubscribe", context, "unsubscribe", token)
