using MudBlazor;

namespace NewsReader.Web.Components.Layout;

/// <summary>Newsprint colours: quiet chrome, so that the article and its marks carry the page.</summary>
internal static class NewsReaderTheme
{
    private static readonly string[] Sans = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f3a5f",
            AppbarBackground = "#1f3a5f",
            AppbarText = "#ffffff",
            Background = "#fbfaf7",
            Surface = "#ffffff",
            TextPrimary = "#1b1b1b",
            TextSecondary = "#4a4a4a",

            // Dark enough for error text and danger buttons to read at 4.5:1 on the page (MudBlazor's red does not).
            Error = "#b3261e",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9cc3ff",

            // Dark text on the light blue of primary buttons (white on it reads at 1.9:1).
            PrimaryContrastText = "#0d1b2a",
            AppbarBackground = "#15202e",
            AppbarText = "#e8e6e1",
            Background = "#121417",
            Surface = "#1c1f24",
            TextPrimary = "#e8e6e1",
            TextSecondary = "#b9b6ae",
            Error = "#f2b8b5",
            ErrorContrastText = "#601410",
        },

        // The system's own sans-serif for the chrome (Arabic takes the reader's Naskh through app.css), and buttons in
        // sentence case: Arabic has no capitals, and the chrome reads the same in both languages.
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Sans },
            H4 = new H4Typography { FontFamily = Sans },
            H5 = new H5Typography { FontFamily = Sans },
            H6 = new H6Typography { FontFamily = Sans },
            Subtitle1 = new Subtitle1Typography { FontFamily = Sans },
            Subtitle2 = new Subtitle2Typography { FontFamily = Sans },
            Body1 = new Body1Typography { FontFamily = Sans },
            Body2 = new Body2Typography { FontFamily = Sans },
            Caption = new CaptionTypography { FontFamily = Sans },
            Button = new ButtonTypography { FontFamily = Sans, TextTransform = "none" },
        },
    };
}
