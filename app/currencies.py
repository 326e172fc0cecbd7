"""The ISO 4217 currencies a price or payment may be in: codes of money in circulation (no precious metals,
bond units, fund codes, test or "no currency" codes), and the minor-unit exponents Kassa uses."""
from __future__ import annotations

ISO_4217 = frozenset("""
aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd btn bwp byn bzd cad cdf
chf clp cny cop crc cup cve czk djf dkk dop dzd egp ern etb eur fjd fkp gbp gel ghs gip gmd gnf gtq gyd hkd
hnl htg huf idr ils inr iqd irr isk jmd jod jpy kes kgs khr kmf kpw krw kwd kyd kzt lak lbp lkr lrd lsl lyd
mad mdl mga mkd mmk mnt mop mru mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd omr pab pen pgk php pkr pln
pyg qar ron rsd rub rwf sar sbd scr sdg sek sgd shp sle sll sos srd ssp stn svc syp szl thb tjs tmt tnd top
try ttd twd tzs uah ugx usd uyu uzs ved ves vnd vuv wst xaf xcd xcg xof xpf yer zar zmw zwg zwl
""".split())

# Minor-unit exponents Kassa uses where they are not 2. (Kept as they were when amounts were first stored:
# changing one would change the meaning of every stored amount in that currency.)
EXPONENTS = {"jpy": 0, "krw": 0, "vnd": 0, "clp": 0, "isk": 0, "bhd": 3, "kwd": 3, "jod": 3, "omr": 3, "tnd": 3}
