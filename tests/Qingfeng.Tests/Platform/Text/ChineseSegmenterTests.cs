using Qingfeng.Platform.Text;
using Xunit;

namespace Qingfeng.Tests.Platform.Text;

public class ChineseSegmenterTests
{
    private const string GiftMoneyPetition = "反映该局局长张某某在春节期间收受下属礼金两万元";

    private readonly ChineseSegmenter _segmenter = new();

    [Fact]
    public void Jieba_dictionary_is_copied_to_the_test_output()
    {
        Assert.True(File.Exists(Path.Combine(ChineseSegmenter.ResourceDirectory, "dict.txt")));
    }

    [Fact]
    public void Highlight_marks_each_occurrence_at_its_offset()
    {
        var segments = ChineseSegmenter.Highlight("在农家乐饮酒，又在酒店饮酒", ["饮酒"]);

        Assert.Equal(
            [
                new TextSegment("在农家乐", false),
                new TextSegment("饮酒", true),
                new TextSegment("，又在酒店", false),
                new TextSegment("饮酒", true),
            ],
            segments);
    }

    [Fact]
    public void Highlight_merges_overlapping_and_adjacent_terms()
    {
        var segments = ChineseSegmenter.Highlight("违规收受礼金两万元", ["收受礼", "礼金", "两万"]);

        Assert.Equal(
            [new TextSegment("违规", false), new TextSegment("收受礼金两万", true), new TextSegment("元", false)],
            segments);
    }

    [Fact]
    public void Highlight_ignores_ascii_case()
    {
        var segments = ChineseSegmenter.Highlight("在KTV唱歌", ["ktv"]);

        Assert.Equal(new TextSegment("KTV", true), segments[1]);
    }

    [Fact]
    public void Highlight_without_a_match_returns_the_text_unmarked()
    {
        Assert.Equal([new TextSegment("没有命中", false)], ChineseSegmenter.Highlight("没有命中", ["礼金"]));
    }

    [Fact]
    public void Snippet_is_a_window_around_the_first_match_with_ellipses_at_cut_ends()
    {
        var text = new string('甲', 30) + "礼金" + new string('乙', 30);

        var segments = ChineseSegmenter.Highlight(text, ["礼金"], snippetLength: 10);

        Assert.Equal(
            [
                new TextSegment("…甲甲甲甲", false),
                new TextSegment("礼金", true),
                new TextSegment("乙乙乙乙…", false),
            ],
            segments);
    }

    [Fact]
    public void Snippet_at_the_start_has_no_leading_ellipsis()
    {
        var segments = ChineseSegmenter.Highlight("礼金" + new string('乙', 30), ["礼金"], snippetLength: 6);

        Assert.Equal([new TextSegment("礼金", true), new TextSegment("乙乙乙乙…", false)], segments);
    }

    [Fact]
    public void Tagger_marks_a_chinese_name_as_a_person_name()
    {
        var tags = _segmenter.Tag("反映王建国在春节期间收受下属礼金");

        Assert.Contains(("王建国", "nr"), tags);
    }

    [Fact]
    public void Tagger_uses_domain_dictionary_tags()
    {
        var tags = _segmenter.Tag("市健康委党组书记");

        Assert.Contains(("健康委", "nt"), tags);
        Assert.Contains(("党组书记", "n"), tags);
    }

    [Fact]
    public async Task Concurrent_callers_get_the_same_tags_as_a_single_caller()
    {
        var expected = _segmenter.Tag(GiftMoneyPetition);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => _segmenter.Tag(GiftMoneyPetition), TestContext.Current.CancellationToken)));

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
