from .caller import current_caller, rpc_caller
from .domain_context import working_day_context
from .grant import granted, is_granted
from .readable import (
    office_record_models,
    readable_domains_memoized,
    readable_reference_domain,
)
