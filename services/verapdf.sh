#!/bin/sh
# veraPDF's command line from Maven Central (services/verapdf/pom.xml), for the
# PDF/UA-1 checks of the report PDFs (tests/reports/test_pdf_ua.py).
#   services/verapdf.sh install          fetch the jars into var/verapdf/lib (once)
#   services/verapdf.sh FILE.pdf...      validate as PDF/UA-1, veraPDF's text report
set -e
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LIB="$ROOT/var/verapdf/lib"
if [ "$1" = "install" ]; then
    [ -f "$LIB/greenfield-apps-1.28.2.jar" ] && exit 0
    mvn -q -B -f "$ROOT/services/verapdf/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB"
    exit 0
fi
exec java -cp "$LIB/*" org.verapdf.apps.GreenfieldCliWrapper --flavour ua1 --format text "$@"
