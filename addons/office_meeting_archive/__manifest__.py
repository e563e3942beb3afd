# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Meetings: archives",
    "summary": "一会一档: one archive item per closed meeting, with its minutes, "
    "materials, photos and recordings, added to the organizing department's "
    "yearly transfer list",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_meeting", "office_archive"],
    "data": [
        "views/office_archive_transfer_list_views.xml",
        "views/office_archive_item_views.xml",
    ],
    "installable": True,
    "auto_install": True,
}
