"""How each language names things: articles, chapters, paragraphs and items, citations, laws and dates.

Reads: nothing. Writes: names. One object per language with the same methods (`LOCALES["zh"]`,
`LOCALES["en"]`), so that a page is written once for both languages: 第十二条第二款 / Article 12(2).
The words of the interface are in templates/labels.yml; this module holds only what is built from numbers.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date

from generator.corpus.numerals import to_numeral

COUNTS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


class Locale(ABC):
    language: str
    tag: str  # the language as BCP 47 tags it, for CSL and Word: the edition's English spells as American English does
    undated: str  # a citation's date where the text states none (a citation processor would print "n.d.")
    sentence_separator: str  # between two sentences: none after 。, a space after a full stop
    comma: str  # between the names in a short list: 第一条、第二条 / Article 1, Article 2

    @abstractmethod
    def article_name(self, number: int, prefix: str = "") -> str:
        """第十二条 / Article 12; with a document's prefix, 征求意见稿第十四条 / Draft Article 14."""

    @abstractmethod
    def chapter_name(self, number: int, title: str) -> str:
        """第一章 总则 / Chapter 1 General Provisions."""

    @abstractmethod
    def short_article(self, number: int) -> str:
        """第12条 / Art. 12: narrow, for the flow diagram and the search aliases."""

    @abstractmethod
    def short_chapter(self, number: int) -> str:
        """第一章 / Chapter 1."""

    @abstractmethod
    def subdivision(self, paragraph: int | None, item: int | None = None) -> str:
        """What follows an article's name to name a paragraph or item: 第二款第三项 / (2)(3)."""

    @abstractmethod
    def where(self, paragraph: int, item: int | None = None) -> str:
        """A paragraph or item on its own: 第二款第三项 / paragraph 2, item 3."""

    @abstractmethod
    def citation(self, title: str, number: int, paragraph: int | None, item: int | None) -> str:
        """《石家庄市数字经济促进条例》第五十九条第二款第三项 / Shijiazhuang …, art. 59(2), item (3)."""

    @abstractmethod
    def law_name(self, name: str, article: int | None) -> str:
        """《中华人民共和国数据安全法》第二十一条 / Data Security Law of the People's Republic of China, Article 21."""

    @abstractmethod
    def date(self, day: date) -> str:
        """2023年10月26日 / 26 October 2023."""

    @abstractmethod
    def count(self, number: int) -> str:
        """A count in words, as prose writes it: 两 / two, 五 / five."""


class Chinese(Locale):
    language = "zh"
    tag = "zh-CN"
    undated = "未注明日期"
    sentence_separator = ""
    comma = "、"

    def article_name(self, number: int, prefix: str = "") -> str:
        return f"{prefix}第{to_numeral(number)}条"

    def chapter_name(self, number: int, title: str) -> str:
        return f"{self.short_chapter(number)} {title}"

    def short_article(self, number: int) -> str:
        return f"第{number}条"

    def short_chapter(self, number: int) -> str:
        return f"第{to_numeral(number)}章"

    def subdivision(self, paragraph: int | None, item: int | None = None) -> str:
        if paragraph is None:
            return ""
        return f"第{to_numeral(paragraph)}款" + (f"第{to_numeral(item)}项" if item else "")

    def where(self, paragraph: int, item: int | None = None) -> str:
        return self.subdivision(paragraph, item)

    def citation(self, title: str, number: int, paragraph: int | None, item: int | None) -> str:
        return f"《{title}》{self.article_name(number)}{self.subdivision(paragraph, item)}"

    def law_name(self, name: str, article: int | None) -> str:
        return f"《{name}》" + (self.article_name(article) if article else "")

    def date(self, day: date) -> str:
        return f"{day.year}年{day.month}月{day.day}日"

    def count(self, number: int) -> str:
        return "两" if number == 2 else to_numeral(number)


class English(Locale):
    language = "en"
    tag = "en-US"
    undated = "undated"
    sentence_separator = " "
    comma = ", "

    def article_name(self, number: int, prefix: str = "") -> str:
        return f"{prefix}Article {number}"

    def chapter_name(self, number: int, title: str) -> str:
        return f"{self.short_chapter(number)} {title}"

    def short_article(self, number: int) -> str:
        return f"Art. {number}"

    def short_chapter(self, number: int) -> str:
        return f"Chapter {number}"

    def subdivision(self, paragraph: int | None, item: int | None = None) -> str:
        return "".join(f"({number})" for number in (paragraph, item) if number)

    def where(self, paragraph: int, item: int | None = None) -> str:
        return f"paragraph {paragraph}" + (f", item {item}" if item else "")

    def citation(self, title: str, number: int, paragraph: int | None, item: int | None) -> str:
        return f"{title}, art. {number}" + (f"({paragraph})" if paragraph else "") + (f", item ({item})" if item else "")

    def law_name(self, name: str, article: int | None) -> str:
        return name + (f", Article {article}" if article else "")

    def date(self, day: date) -> str:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

    def count(self, number: int) -> str:
        return COUNTS[number] if number < len(COUNTS) else str(number)


LOCALES: dict[str, Locale] = {"zh": Chinese(), "en": English()}
LANGUAGES = tuple(LOCALES)  # the site's languages; the first is the default, at the site's root
CHINESE = LOCALES["zh"]
