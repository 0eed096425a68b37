"""Station settings: defaults, typed values, atomic saves, and a damaged file never stops a station."""

import json

import pytest

from app.settings import SETTINGS_FILENAME, Settings


def test_defaults_without_a_file(tmp_path):
    settings = Settings.in_data_dir(tmp_path)
    assert settings.language is None
    assert settings.station_name == ""
    assert settings.strict_mode is False
    assert settings.sound_volume == 80
    assert settings.sound_muted is False
    assert settings.flash_enabled is True
    assert settings.scanner_sources == ["wedge"]
    assert settings.server_url == ""
    assert settings.last_operator_id is None
    assert settings.scan_log_length == 500
    assert not (tmp_path / SETTINGS_FILENAME).exists()  # reading never writes


def test_values_survive_a_restart(tmp_path):
    settings = Settings.in_data_dir(tmp_path)
    settings.language = "zh_CN"
    settings.station_name = "  仓库 2 号门 "
    settings.strict_mode = True
    settings.sound_volume = 35
    settings.sound_muted = True
    settings.flash_enabled = False
    settings.scanner_sources = ["serial:COM3?baud=9600", "camera:0"]
    settings.server_url = "https://sync.example.cn/"
    settings.last_operator_id = "abc"
    settings.set("scanner.wedge", {"min_length": 6})
    again = Settings.in_data_dir(tmp_path)
    assert again.language == "zh_CN"
    assert again.station_name == "仓库 2 号门"
    assert again.strict_mode is True
    assert again.sound_volume == 35
    assert again.sound_muted is True
    assert again.flash_enabled is False
    assert again.scanner_sources == ["serial:COM3?baud=9600", "camera:0"]
    assert again.server_url == "https://sync.example.cn"
    assert again.last_operator_id == "abc"
    assert again.get("scanner.wedge") == {"min_length": 6}
    assert "仓库" in (tmp_path / SETTINGS_FILENAME).read_text(encoding="utf-8")


def test_out_of_range_and_wrong_types_fall_back(tmp_path):
    (tmp_path / SETTINGS_FILENAME).write_text(
        json.dumps(
            {
                "language": "fr",
                "sound_volume": "loud",
                "strict_mode": "yes",
                "scanner_sources": ["camera:0", 5],
                "scan_log_length": 10**9,
                "future_option": [1, 2],
            }
        ),
        encoding="utf-8",
    )
    settings = Settings.in_data_dir(tmp_path)
    assert settings.language is None
    assert settings.sound_volume == 80
    assert settings.strict_mode is False
    assert settings.scanner_sources == ["camera:0"]
    assert settings.scan_log_length == 10_000
    settings.sound_volume = 250
    assert settings.sound_volume == 100
    reread = json.loads((tmp_path / SETTINGS_FILENAME).read_text(encoding="utf-8"))
    assert reread["future_option"] == [1, 2]  # a newer version's option is kept


def test_refuses_what_it_cannot_store(tmp_path):
    settings = Settings.in_data_dir(tmp_path)
    with pytest.raises(ValueError):
        settings.language = "fr"
    with pytest.raises(TypeError):
        settings.set("x", object())
    assert not (tmp_path / SETTINGS_FILENAME).exists()


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path):
    settings = Settings.in_data_dir(tmp_path)
    for volume in range(0, 100, 7):
        settings.sound_volume = volume
    assert sorted(p.name for p in tmp_path.iterdir()) == [SETTINGS_FILENAME]
    assert (
        json.loads((tmp_path / SETTINGS_FILENAME).read_text(encoding="utf-8"))["sound_volume"] == 98
    )


def test_a_damaged_file_is_kept_aside_and_defaults_used(tmp_path):
    (tmp_path / SETTINGS_FILENAME).write_bytes(b'{"sound_volume": 3')  # cut off by a power loss
    settings = Settings.in_data_dir(tmp_path)
    assert settings.sound_volume == 80
    assert (tmp_path / (SETTINGS_FILENAME + ".damaged")).read_bytes() == b'{"sound_volume": 3'
    settings.sound_volume = 10
    assert Settings.in_data_dir(tmp_path).sound_volume == 10


def test_every_option_is_declared_once_with_type_default_and_label():
    options = Settings.options()
    assert set(options) == {
        "language",
        "station_name",
        "strict_mode",
        "sound_volume",
        "sound_muted",
        "flash_enabled",
        "scanner_sources",
        "server_url",
        "last_operator_id",
        "scan_log_length",
        "label_printer",
        "label_printer_host",
        "label_printer_port",
        "label_width_mm",
        "label_height_mm",
        "label_dpi",
        "label_font",
        "verify_labels",
        "print_delivery_note",
    }
    for key, option in options.items():
        assert option.key == key  # stored under the attribute's own name: files stay compatible
        assert isinstance(option.default, option.kind) and option.label


def test_a_file_written_before_the_declarations_reads_the_same(tmp_path):
    old = {
        "language": "en",
        "station_name": "Gate B",
        "strict_mode": True,
        "sound_volume": 35,
        "sound_muted": False,
        "flash_enabled": False,
        "scanner_sources": ["wedge", "camera:0"],
        "server_url": "https://sync.example.cn",
        "last_operator_id": "",
        "scan_log_length": 200,
        "scanner.wedge": {"min_length": 6},
    }
    (tmp_path / SETTINGS_FILENAME).write_text(json.dumps(old), encoding="utf-8")
    settings = Settings.in_data_dir(tmp_path)
    assert (settings.language, settings.station_name, settings.strict_mode) == (
        "en",
        "Gate B",
        True,
    )
    assert (settings.sound_volume, settings.flash_enabled, settings.scan_log_length) == (
        35,
        False,
        200,
    )
    assert settings.last_operator_id is None
    settings.station_name = "Gate C"
    assert json.loads((tmp_path / SETTINGS_FILENAME).read_text(encoding="utf-8")) == {
        **old,
        "station_name": "Gate C",
    }


def test_label_printer_options_refuse_what_no_printer_is(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    assert (settings.label_printer, settings.label_printer_port) == ("none", 9100)
    assert settings.verify_labels == ["pallet"]  # pallets are checked unless switched off
    settings.label_printer = "zpl"
    settings.verify_labels = ["case", "box", "pallet"]
    assert settings.verify_labels == ["case", "pallet"]
    with pytest.raises(ValueError):
        settings.label_printer = "inkjet"
    settings.set("label_printer", "inkjet")  # a hand-edited file
    assert Settings(tmp_path / "settings.json").label_printer == "none"
