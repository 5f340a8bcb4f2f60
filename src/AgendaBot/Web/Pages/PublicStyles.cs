using System.Security.Cryptography;
using System.Text;

namespace AgendaBot.Web.Pages;

/// <summary>
/// The one stylesheet of the public pages, served by the bot itself (no font or CDN). System fonts, large enough to
/// read, colours that pass WCAG AA in light and dark mode, and nothing that breaks at 200 % zoom.
/// </summary>
public static class PublicStyles
{
    public const string Route = "/public/site.css";

    public const string Css = """
        :root { color-scheme: light dark; --text: #1b1b1b; --muted: #4a4a4a; --bg: #ffffff; --link: #0b57a4; --rule: #c8c8c8; --bad: #b00020;
          --planned: #2f6fc0; --inprogress: #2e8540; --done: #1b5e20; --delayed: #c05600; --dropped: #767676; }
        @media (prefers-color-scheme: dark) {
          :root { --text: #f0f0f0; --muted: #c8c8c8; --bg: #1b1b1b; --link: #8cc4ff; --rule: #5a5a5a; --bad: #ff8a80;
            --planned: #7fb2f0; --inprogress: #5cb85c; --done: #a5d6a7; --delayed: #ffa040; --dropped: #9e9e9e; }
        }
        html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; font-size: 100%; line-height: 1.5; }
        body { margin: 0 auto; max-width: 46rem; padding: 1rem 1.25rem 3rem; color: var(--text); background: var(--bg); }
        header { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem 1rem; border-bottom: 1px solid var(--rule); }
        header .site { margin: 0.5rem 0; font-weight: 600; }
        header nav { margin: 0.5rem 0; }
        a { color: var(--link); text-underline-offset: 0.15em; }
        a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
        h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.5rem 0 1rem; }
        h2 { font-size: 1.25rem; margin: 1.75rem 0 0.5rem; }
        address { font-style: normal; }
        li { margin: 0.25rem 0; }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; }
        caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
        th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); }
        dt { font-weight: 600; }
        dd { margin: 0 0 0.5rem 0; }
        footer { margin-top: 3rem; border-top: 1px solid var(--rule); color: var(--muted); }
        .field { margin: 1rem 0; }
        label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
        .check { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-start; }
        .check label { flex: 1 1 0; }
        .check .error { flex-basis: 100%; }
        .check input { margin-top: 0.35rem; width: 1.1rem; height: 1.1rem; flex: none; }
        .check label { font-weight: normal; }
        .hint { margin: 0 0 0.25rem; color: var(--muted); }
        input[type=text], select, textarea { box-sizing: border-box; width: 100%; font: inherit; color: var(--text); background: var(--bg);
          border: 2px solid var(--muted); border-radius: 4px; padding: 0.4rem 0.5rem; }
        [aria-invalid=true] { border-color: var(--bad); }
        .error { color: var(--bad); font-weight: 600; margin: 0.25rem 0 0; }
        .problems { border: 3px solid var(--bad); padding: 0 1rem; margin: 1rem 0; }
        button { font: inherit; font-weight: 600; color: var(--bg); background: var(--link); border: 2px solid var(--link); border-radius: 4px;
          padding: 0.5rem 1.25rem; cursor: pointer; }
        input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible, .problems:focus { outline: 3px solid var(--link); outline-offset: 2px; }
        .trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
        figure.timeline { margin: 0.5rem 0 1rem; }
        svg.timeline { display: block; width: 100%; height: auto; }
        svg .tick { stroke: var(--rule); stroke-width: 1; }
        svg .today { stroke: var(--bad); stroke-width: 2; stroke-dasharray: 4 3; }
        svg .year, svg .number { fill: var(--text); font-size: 12px; }
        svg .number { text-anchor: end; }
        svg .planned { fill: var(--planned); } svg .inprogress { fill: var(--inprogress); } svg .done { fill: var(--done); }
        svg .delayed { fill: var(--delayed); } svg .dropped { fill: var(--dropped); }
        figcaption { color: var(--muted); font-size: 0.95rem; }
        blockquote { margin: 0.5rem 0; padding-left: 1rem; border-left: 4px solid var(--rule); }
        footer ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
        """;

    public static readonly byte[] Bytes = Encoding.UTF8.GetBytes(Css);

    public static readonly string ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Bytes))[..16]}\"";
}
