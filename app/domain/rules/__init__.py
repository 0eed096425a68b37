"""Rules the station and the server both apply: rebate arithmetic and the signed token format.

Qt-free, sync-free and store-free, so ``sync.server`` may import them as well as the station's
workflows (see the table in ``tests/test_layers.py``): one implementation, one answer on both
sides of the wire.
"""
