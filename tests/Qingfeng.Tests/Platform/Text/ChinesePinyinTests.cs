using Qingfeng.Platform.Text;
using Xunit;

namespace Qingfeng.Tests.Platform.Text;

public class ChinesePinyinTests
{
    [Fact]
    public void 张伟_reads_zhangwei_with_initials_zw()
    {
        Assert.Equal("zhangwei", ChinesePinyin.ToPinyin("张伟"));
        Assert.Equal("zw", ChinesePinyin.ToInitials("张伟"));
    }

    [Fact]
    public void 李娜_reads_lina_with_initials_ln()
    {
        Assert.Equal("lina", ChinesePinyin.ToPinyin("李娜"));
        Assert.Equal("ln", ChinesePinyin.ToInitials("李娜"));
    }

    [Fact]
    public void Surname_单_reads_shan_at_the_start()
    {
        Assert.Equal("shanxiongxin", ChinesePinyin.ToPinyin("单雄信"));
        Assert.Equal("sxx", ChinesePinyin.ToInitials("单雄信"));
    }

    [Fact]
    public void Surname_override_does_not_apply_after_the_first_character()
    {
        Assert.Equal("wangdan", ChinesePinyin.ToPinyin("王单"));
    }

    [Theory]
    [InlineData("曾国藩", "zengguofan")]
    [InlineData("解缙", "xiejin")]
    [InlineData("长孙无忌", "changsunwuji")]
    [InlineData("覃明", "qinming")]
    public void Polyphonic_surnames_read_as_surnames(string name, string expected)
    {
        Assert.Equal(expected, ChinesePinyin.ToPinyin(name));
    }

    [Fact]
    public void Mixed_ascii_is_kept_lowercased()
    {
        Assert.Equal("wanga2", ChinesePinyin.ToPinyin("王A2"));
        Assert.Equal("wa2", ChinesePinyin.ToInitials("王A2"));
    }

    [Fact]
    public void Punctuation_and_spaces_are_dropped()
    {
        Assert.Equal("zhangwei", ChinesePinyin.ToPinyin(" 张·伟！"));
    }

    [Fact]
    public void U_umlaut_is_written_as_v()
    {
        Assert.Equal("lvnv", ChinesePinyin.ToPinyin("吕女"));
    }

    [Fact]
    public void Empty_string_gives_empty_results()
    {
        Assert.Equal("", ChinesePinyin.ToPinyin(""));
        Assert.Equal("", ChinesePinyin.ToInitials(""));
    }

    [Fact]
    public void Extension_A_character_is_converted()
    {
        // 䶮 U+4DAE, as in 刘䶮 (founder of Southern Han).
        Assert.Equal("liuyan", ChinesePinyin.ToPinyin("刘\u4DAE"));
        Assert.Equal("ly", ChinesePinyin.ToInitials("刘\u4DAE"));
    }
}
