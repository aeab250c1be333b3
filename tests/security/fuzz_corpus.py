"""The fixed corpus the fuzz test sends: hostile values for any text field or
query parameter, raw query strings that are not valid UTF-8, and hostile path
suffixes. Fixed rather than random, so a failure replays exactly."""

HOSTILE_VALUES = [
    "\x00",
    "donn\x00ées",
    "\x1b[31m",
    "a\x7fb",
    "\x0b\x0c",
    "ligne\r\nBcc: victime@example.org",
    "x" * 10_000,
    "é" * 3_000,
    "😀" * 500,
    "\u202eevil\u202c",
    # Lucene / Elasticsearch query syntax
    'title:(a OR b) AND "x',
    "*:*",
    "a~99 b^1000",
    "/.*/",
    "[* TO *]",
    "((((((((((",
    "\\",
    "q=a&&||!{}[]^~?:",
    # SQL
    "' OR 1=1 --",
    "1; DROP TABLE wagtailcore_page;--",
    "%' AND '%'='",
    '"; SELECT pg_sleep(5); --',
    # numbers where a number is expected
    "999999999999999999999999999999",
    "-1",
    "0",
    "1e309",
    "NaN",
    "0x10",
    "",
    " ",
    "<script>alert(1)</script>",
    "../../etc/passwd",
]

# The share of the corpus every field gets; the search box gets all of it.
CORE_VALUES = [
    "donn\x00ées",
    "\x1b[31m",
    "ligne\r\nBcc: victime@example.org",
    "x" * 10_000,
    'title:(a OR b) AND "x',
    "' OR 1=1 --",
    "999999999999999999999999999999",
    "",
]

# Query strings sent as they are: invalid UTF-8 and broken percent-encodings.
RAW_QUERIES = [
    "q=%ff%fe",
    "q=%c3%28",
    "q=%ed%a0%80",
    "q=%",
    "q=%zz",
    "page=%ff",
    "%ff=1",
    "q=a&q=b&q=c",
    "page=1&page=99999999999999999999",
    "q[]=a&page[]=1",
    "q=" + "%00" * 3,
]

PATH_SUFFIXES = ["%ff/", "%c3%28/", "x" * 300 + "/", "..%2f..%2fetc%2fpasswd/", "%00/", "%20/"]

# For each page: the query strings sent to it.
PAGE_QUERIES = ["page=999999999999999999999&page=-1", "p=%ff&annee=1;DROP TABLE x"]
