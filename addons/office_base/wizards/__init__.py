from . import office_review_refuse_wizard
