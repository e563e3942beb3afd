# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Government Information Disclosure",
    "summary": "信息公开 and 新闻/信息报送: proactive disclosure within its working-day "
    "deadline, disclosure requests answered to the statutory deadline with written "
    "notices, news and information reports, all released only after a secrecy "
    "review and never when they quote a classified record",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_base"],
    "data": [
        "security/office_disclosure_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "views/office_disclosure_menus.xml",
        "views/office_disclosure_request_views.xml",
        "views/office_disclosure_release_views.xml",
        "views/office_disclosure_annual_report_views.xml",
        "views/res_config_settings_views.xml",
        "report/office_disclosure_request_report.xml",
        "report/office_disclosure_annual_report_report.xml",
    ],
    "demo": [
        "demo/office_disclosure_demo.xml",
    ],
    "installable": True,
    "application": False,
}
