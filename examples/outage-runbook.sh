#!/bin/sh
# An API outage, as an on-call engineer would script it: open the incident by component name,
# post two updates, resolve it. Rehearse it without telling anyone:
#
#   statuspage sandbox exec -- sh examples/outage-runbook.sh
#
# Run for real, it needs STATUSPAGE_TOKEN and STATUSPAGE_PAGE_ID (or a profile), and a page
# with a component named "API".
set -eu

ID=$(statuspage create-incident -q \
  -t "Elevated API error rates" -s investigating -i major -c API=major_outage \
  -m "We are investigating elevated error rates on the API.")

statuspage update-incident "$ID" -q -s identified \
  -m "The cause is a faulty deploy of the API; we are rolling it back." >/dev/null

statuspage update-incident "$ID" -q -s monitoring -c API=degraded_performance \
  -m "The rollback is complete and error rates are falling. We are watching closely." >/dev/null

statuspage resolve-incident "$ID" -q \
  -m "Error rates have been back to normal for 30 minutes. We are sorry for the disruption." >/dev/null

echo "rehearsed incident $ID" >&2
