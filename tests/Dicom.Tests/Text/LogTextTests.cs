namespace VoxDose.Dicom.Tests.Text;

/// <summary>Issue 11, "Control characters": one escaper for log lines and terminal output.</summary>
public class LogTextTests
{
    [Theory]
    [InlineData("VOXDOSE", "VOXDOSE")]
    [InlineData("Leber \u00e9 \u6f22", "Leber \u00e9 \u6f22")]
    [InlineData("A\u001b[2JB", "A\\x1B[2JB")]
    [InlineData("AE\u007f", "AE\\x7F")]
    [InlineData("line\r\nforged", "line\\x0D\\x0Aforged")]
    [InlineData("c1\u009b", "c1\\x9B")]
    [InlineData("bidi\u202e", "bidi\\u202E")]
    public void Control_characters_are_escaped_and_text_is_kept(string raw, string expected) =>
        Assert.Equal(expected, LogText.Escape(raw));
}
