using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NewsReader.Web.Localization;

namespace NewsReader.Web.Tests.Localization;

/// <summary>Messages made in English below the interface (validation, problem details) reach an Arabic reader in Arabic.</summary>
public class MessagesTests
{
    private static readonly IStringLocalizer<UiText> Text =
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<UiText>>();

    [Theory]
    [InlineData("ar", "Article not found", "المقال غير موجود")]
    [InlineData("ar", "There is no article with id '42'.", "لا يوجد مقال بالمعرّف '42'.")]
    [InlineData("ar", "Annotation 3: there is no article 99.", "التعليق 3: لا يوجد مقال 99.")]
    [InlineData("ar", "A message nobody translated.", "A message nobody translated.")]
    [InlineData("en", "There is no article with id '42'.", "There is no article with id '42'.")]
    public void A_message_is_translated_whole_or_by_its_template(string language, string message, string expected)
    {
        using var interfaceLanguage = new InterfaceLanguage(language);

        Assert.Equal(expected, Text.Translate(message));
    }

    [Fact]
    public void A_template_that_is_mostly_placeholders_does_not_swallow_other_messages()
    {
        using var arabic = new InterfaceLanguage("ar");

        // "{0} in {1}" is an interface string; it must not turn this sentence into "Sign في (…".
        Assert.Equal("Sign in with a key from the admin.", Text.Translate("Sign in with a key from the admin."));
    }
}
