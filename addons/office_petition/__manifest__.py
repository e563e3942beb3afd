# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Petitions (Letters and Visits)",
    "summary": "信访: letters and visits registered with the first receiver "
    "responsible, accepted or not within 15 days, answered within 60 days "
    "(extendable once with the head's approval), review and re-review within 30 "
    "days, written notices at each step, uncertain legal grounds co-signed by the "
    "regulations section, group and repeated petitions escalated",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_base"],
    "data": [
        "security/office_petition_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "views/office_petition_views.xml",
        "views/res_config_settings_views.xml",
        "report/office_petition_report.xml",
    ],
    "demo": [
        "demo/office_petition_demo.xml",
    ],
    "installable": True,
    "application": False,
}
