# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Archives",
    "summary": "档案: fonds, categories, retention periods, archive items with "
    "gap-free archival codes, boxes and storage rooms, electronic file fixity, "
    "department transfer lists, loans approved by secrecy, appraisal and "
    "destruction, transfer to the state archives",
    "version": "18.0.1.3.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_base", "report_xlsx"],
    "data": [
        "security/office_archive_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/office_archive_data.xml",
        "data/mail_activity_type_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "views/office_archive_menus.xml",
        "views/office_archive_config_views.xml",
        "views/office_archive_item_views.xml",
        "views/office_archive_box_views.xml",
        "views/office_archive_transfer_list_views.xml",
        "views/office_archive_loan_views.xml",
        "views/office_archive_incident_views.xml",
        "views/office_archive_room_views.xml",
        "views/office_archive_appraisal_views.xml",
        "views/office_archive_destruction_views.xml",
        "views/office_archive_state_transfer_views.xml",
        "views/office_archive_statistics_views.xml",
        "views/office_archive_backup_views.xml",
        "views/hr_department_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/office_archive_reason_wizard_views.xml",
        "report/office_archive_reports.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/office_archive_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["office_archive/static/tests/tours/**/*"],
    },
    "installable": True,
    "application": True,
}
