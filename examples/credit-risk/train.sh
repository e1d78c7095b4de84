#!/bin/sh
# Retrains the credit-risk example: reads data/credit-g.arff, writes model/, eval/ and baseline/.
#
# Needs a JDK 17 or newer (java runs train/Train.java straight from source, no build step) and Weka 3.6.
# On Debian or Ubuntu:
#
#   apt-get install default-jdk weka
#
# which puts Weka at /usr/share/java/weka.jar. Elsewhere, point WEKA_JAR at a Weka 3.6 jar:
#
#   WEKA_JAR=/path/to/weka.jar ./train.sh
#
# The results were produced with Weka 3.6.14 (Debian package weka 3.6.14-3) on OpenJDK 17; another Weka
# version may give other numbers.
set -eu

WEKA_JAR=${WEKA_JAR:-/usr/share/java/weka.jar}
if [ ! -f "$WEKA_JAR" ]; then
    echo "train.sh: Weka not found at $WEKA_JAR; install it (apt-get install weka) or set WEKA_JAR" >&2
    exit 1
fi

cd "$(dirname "$0")"
exec java -cp "$WEKA_JAR" train/Train.java .
