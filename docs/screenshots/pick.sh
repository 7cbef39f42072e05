#!/usr/bin/env bash
# Picks the README's screenshots from the browser tests' output (test-output/screenshots, written by
# `HEMEL_SCREENSHOTS=1 dotnet test tests/HemelMassage.Web.BrowserTests`; without it they take none): the first
# screenful of each page, palette-reduced.
# Needs ImageMagick and pngquant (apt-get install imagemagick pngquant).
# With names (`pick.sh times-phone confirmation-phone`) it picks only those.
set -euo pipefail
cd "$(dirname "$0")"
from=../../test-output/screenshots
# name  source  top-offset (to start at what the picture is about)  [height, when it is not one screenful]
while read -r name source top height; do
  if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
  case "$source" in *-phone) size=390x${height:-844} ;; *) size=1280x${height:-900} ;; esac
  convert "$from/$source.png" -crop "$size+0+$top" +repage "/tmp/$name.png"
  pngquant --force --quality=70-90 --strip --output "$name.png" "/tmp/$name.png"
done <<'LIST'
home-phone                  home-phone                  0
home-desktop                home-desktop                0
article-phone               article-phone               0
times-phone                 book-3-times-phone          0
phone-booking-tablet        phone-booking-tablet        0
phone-booking-phone         phone-booking-phone         0
times-desktop               book-3-times-desktop        0
details-errors-phone        book-4-details-errors-phone 300
details-errors-desktop      book-4-details-errors-desktop 0
confirmation-phone          book-6-confirmation-phone   0
confirmation-next-phone     book-6-confirmation-phone   740
manage-phone                manage-phone                0
account-bookings-phone      account-bookings-returning-phone 0
staff-sign-in-desktop       admin-sign-in-desktop       0
intake-map-phone            intake-map-phone            0
intake-map-desktop          intake-map-desktop          0
intake-booking-desktop      intake-booking-desktop      470
intake-day-sheet-desktop    intake-day-sheet-desktop    0
diary-day-tablet            diary-day-tablet            0
diary-week-phone            diary-week-phone            700
diary-list-phone            diary-list-phone            0
report-desktop              admin-reports-desktop       0
report-phone                admin-reports-phone         0
progress-desktop            admin-progress-desktop      0
progress-phone              admin-progress-phone        0
note-phone                  admin-note-phone            425  1730
note-worked-phone           admin-note-phone            3620 725
waitlist-desktop            admin-waitlist-desktop      0
waitlist-phone              admin-waitlist-phone        0
waitlist-join-phone         waitlist-join-phone         0
waitlist-offer-phone        waitlist-offer-phone        0
LIST
ls -l ./*.png
