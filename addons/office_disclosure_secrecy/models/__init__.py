from . import office_disclosure_release_mixin
