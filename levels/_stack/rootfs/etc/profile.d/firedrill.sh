# Shown when an operator opens a login shell on an instance.
if [ -n "$PS1" ] && [ -r /var/lib/firedrill/services-enabled ]; then
  echo "This is the $(cat /var/lib/firedrill/services-enabled) instance. Services are supervised by runit: sv status /etc/service/*"
fi
