using Qingfeng.Platform.Text;
using Xunit;

namespace Qingfeng.Tests.Platform.Text;

public class CharacterGramsTests
{
    [Fact]
    public void Runs_are_letters_and_digits_broken_by_everything_else()
    {
        var runs = CharacterGrams.Runs("党内警告，处分 KTV2024年！");

        Assert.Equal(["党内警告", "处分", "ktv2024年"], runs.Select(r => string.Concat(r)));
        Assert.Equal(4, runs[0].Length);
    }

    [Fact]
    public void Full_width_and_upper_case_forms_are_one_unit()
    {
        Assert.Equal(["ktv12abc"], CharacterGrams.Runs("ＫＴＶ１２ABC").Select(r => string.Concat(r)));
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_one_unit()
    {
        var run = Assert.Single(CharacterGrams.Runs("𠮷野家"));

        Assert.Equal(["𠮷", "野", "家"], run);
        Assert.Equal(["𠮷野", "野家"], CharacterGrams.Bigrams(run));
    }

    [Fact]
    public void A_phrase_is_its_unigram_or_its_bigrams_in_order()
    {
        Assert.Equal(["警"], CharacterGrams.PhraseGrams("警"));
        Assert.Equal(["党内", "内警", "警告"], CharacterGrams.PhraseGrams("党内警告"));
    }

    [Fact]
    public void Spaces_and_punctuation_separate_the_phrases_of_a_query()
    {
        Assert.Equal(["党内警告", "处分"], CharacterGrams.Phrases(" 党内警告，处分 党内警告 "));
        Assert.Empty(CharacterGrams.Phrases("，。 ！"));
    }

    [Fact]
    public void The_truth_is_a_substring_of_one_run()
    {
        Assert.True(CharacterGrams.Contains("受到党内严重警告处分", "严重警告"));
        Assert.False(CharacterGrams.Contains("受到党内严重警告处分", "党内警告处分"));
        Assert.False(CharacterGrams.Contains("党内警告，处分", "警告处分"));
        Assert.True(CharacterGrams.Contains("ＫＴＶ消费", "ktv"));
    }
}
