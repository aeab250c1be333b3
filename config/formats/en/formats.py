# English dates read like the French ones, day first ("23 October 2025"), in
# every template (`|date:"DATE_FORMAT"`), e-mail and event date line; Django's
# default English format is the American "Oct. 23, 2025".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
