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

# Roughly how many whole units of a currency one US dollar buys (2026, rounded: only the number of digits matters),
# for the currencies where that is 1,000 minor units or more; app/money.max_amount scales a currency's largest
# amount by it. Unlisted currencies are worth about a dollar or more.
UNITS_PER_US_DOLLAR = {
    "afn": 70, "all": 90, "amd": 390, "aoa": 910, "ars": 1_200, "bdt": 120, "bif": 2_950, "btn": 85,
    "bwp": 13, "cdf": 2_850, "cop": 4_100, "crc": 510, "cup": 24, "cve": 100, "czk": 23, "djf": 178, "dop": 60,
    "dzd": 132, "egp": 49, "ern": 15, "etb": 125, "ghs": 15, "gmd": 71, "gnf": 8_650, "gyd": 209, "hnl": 26,
    "htg": 131, "huf": 370, "idr": 16_000, "inr": 85, "iqd": 1_310, "irr": 42_000, "jmd": 158, "kes": 129,
    "kgs": 87, "khr": 4_000, "kmf": 450, "kpw": 900, "krw": 1_400, "kzt": 500, "lak": 21_700, "lbp": 89_500,
    "lkr": 300, "lrd": 190, "lsl": 18, "mdl": 18, "mga": 4_500, "mkd": 57, "mmk": 2_100, "mnt": 3_400,
    "mru": 40, "mur": 46, "mvr": 15, "mwk": 1_740, "mxn": 19, "mzn": 64, "nad": 18, "ngn": 1_550, "nio": 37,
    "nok": 11, "npr": 136, "php": 58, "pkr": 282, "pyg": 7_900, "rsd": 108, "rub": 90, "rwf": 1_420, "scr": 14,
    "sdg": 600, "sek": 11, "sle": 23, "sll": 22_500, "sos": 571, "srd": 36, "ssp": 4_000, "stn": 22, "syp": 13_000,
    "szl": 18, "thb": 34, "tjs": 10, "tnd": 3, "try": 38, "twd": 32, "tzs": 2_600, "uah": 41, "ugx": 3_700,
    "uyu": 40, "uzs": 12_800, "ved": 60, "ves": 60, "vnd": 25_500, "vuv": 120, "xaf": 600, "xof": 600, "xpf": 110,
    "yer": 250, "zar": 18, "zmw": 27, "zwg": 27, "zwl": 30_000,
}
