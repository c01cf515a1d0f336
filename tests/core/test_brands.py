"""Misspelt brand names: what counts as one edit away."""

from __future__ import annotations

from itertools import product

from core.brands import find_brands, one_edit_apart
from core.normalize import normalize


def _named(text: str) -> set[str]:
    """The brands the text names, as the check finds them."""
    return {m.brand.id for m in find_brands(normalize(text))}


def _misspelt(text: str) -> set[str]:
    """The brands the text imitates (a look-alike spelling of the name)."""
    return {m.brand.id for m in find_brands(normalize(text)) if m.misspelt}


def _one_edit_variants(word: str, letters: str) -> set[str]:
    """Every word one substitution, insertion, deletion or swap of neighbours away from ``word``."""
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    variants = {a + b[1:] for a, b in cuts if b}
    variants |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    variants |= {a + c + b[1:] for a, b in cuts if b for c in letters}
    variants |= {a + c + b for a, b in cuts for c in letters}
    return variants - {word}


def test_one_edit_apart_means_exactly_one_substitution_insertion_deletion_or_swap():
    letters = "abc"
    words = ["".join(p) for n in range(6) for p in product(letters, repeat=n)]
    for a in words:
        near = _one_edit_variants(a, letters)
        for b in words:
            assert one_edit_apart(a, b) == (b in near), (a, b)


def test_the_owner_of_a_domain_is_the_first_brand_that_says_it_uses_it():
    from core.brands import load_brands, owner_of

    brands = load_brands()
    cases = {("city.ito.shizuoka.jp", "www.city.ito.shizuoka.jp"), ("example.com", None),
             ("amazon.co.jp", "amazon.co.jp.evil.example"), ("go.jp", None)}
    for brand in brands:
        for entry in brand.domains:
            plain = entry.lstrip(".").replace("*", "x")
            cases |= {(entry, None), (plain, None), ("a." + plain, None), (plain, "www." + plain),
                      ("not" + plain, None), (plain, "a.b." + plain)}
    for domain, host in cases:
        first = next((b for b in brands if b.owns(domain, host)), None)
        assert owner_of(domain, host) == first, (domain, host)


def test_katakana_names_are_found_in_the_text_as_written_as_in_the_text_without_voicing_marks():
    """The pattern reads each character as itself or its voiced forms: it finds what the plain
    names find in the text with its voicing marks taken away ("アマソン" for "アマゾン")."""
    import random
    import re

    from core.brands import _DAKUTEN, _katakana_index

    pattern, owners = _katakana_index()
    plain = re.compile("|".join(re.escape(n) for n in sorted(owners, key=len, reverse=True)))
    voiced = {plain_ch: [chr(v) for v, p in _DAKUTEN.items() if p == plain_ch] for plain_ch in set(_DAKUTEN.values())}
    rng = random.Random(7)
    texts = []
    for name in owners:
        for _ in range(5):
            texts.append("".join(rng.choice([ch] + voiced.get(ch, [])) for ch in name))
    texts.append("お知らせ" + "".join(texts) + "ーアイウ")
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text.translate(_DAKUTEN))]


def test_an_ordinary_word_inside_a_brand_name_is_not_taken_for_a_look_alike():
    """A real Google Cloud bill was flagged as imitating iCloud: "cloud" is "icloud" without its
    first letter. A name less its first letter is an ordinary word; a letter dropped or changed
    further in is still a look-alike."""
    assert _misspelt("Google Cloud Platform: your invoice is available") == set()
    assert _misspelt("Listen to these tunes") == set()
    assert _misspelt("Your iclould storage is full") == {"apple"}
    assert _misspelt("Your Amazn account is locked") == {"amazon"}


def test_line_inside_a_longer_katakana_word_is_not_the_messaging_app():
    """A shop's breach notice about its オンラインショップ was read as naming LINE, so the shop's
    own link looked like a link "elsewhere" than LINE's. Words that hold the name without naming
    the brand are listed in brands.toml (``not_within``); the app named on its own still counts."""
    assert "line" not in _named("弊社オンラインショップへの不正アクセスについて")
    assert "line" not in _named("金融庁のガイドラインに基づき確認しております")
    assert "line" in _named("ラインで連絡してください")
    assert "line" in _named("オンライン授業のあと、ラインで送るね")


def test_a_short_latin_name_in_a_web_address_path_is_a_folder_not_the_brand():
    """A city's disaster mail linked to its mail service at ``.../ems/...``: the folder's name was
    read as Japan Post's EMS, so the city's own link looked like one elsewhere than Japan Post's.
    A short name matched as a whole word counts in the text and in a link's host (where the
    look-alike checks read it), not in the path after the host."""
    assert "japan_post" not in _named("避難指示を発令しました。詳しくは https://city.example.lg.jp/ems/info.html をご覧ください")
    assert "japan_post" not in _named("登録はこちら www.example.jp/ems/touroku")
    assert "japan_post" in _named("EMSのお届けについて https://city.example.lg.jp/ems/info.html")
    assert "jcb" in _named("https://jcb-secure.example.com/login")


def test_a_brand_spelt_with_greek_or_cyrillic_letters_or_a_capital_i_for_l_is_an_imitation():
    """Phishing mail writes "Amαzon" (a Greek alpha), "Аpple" (a Cyrillic А) or "AppIe" (a
    capital I for the l) so that the name looks right and filters miss it. Spelt so, the name
    is a look-alike. A stray Cyrillic letter in Japanese text ("ATМ", typed from the Cyrillic
    row of a Japanese font) names no brand, nor does a word that only holds a capital I."""
    assert _misspelt("Amαzonご提供いただいたお支払い情報が一致しません") == {"amazon"}
    assert _misspelt("\u0410pple ID情報が更新されました") == {"apple"}
    assert _misspelt("件名:AppIe IDに不審なサインインがありました") == {"apple"}
    assert _misspelt("「お金」「キャッシュカード」「AT\u041c」の言葉が出たら詐欺を疑って") == set()
    assert _misspelt("IcedIDというマルウェアに注意") == set()
    assert _misspelt("Apple IDのパスワードを変更しました") == set()
