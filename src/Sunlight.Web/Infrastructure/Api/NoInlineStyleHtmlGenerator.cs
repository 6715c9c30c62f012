using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Sunlight.Web.Infrastructure.Api;

/// <summary>
/// The strict CSP (<c>style-src 'self'</c>) refuses inline styles, and MVC's validation summary writes one
/// (<c>&lt;li style="display:none"&gt;</c>) when there is nothing to show: the browser then drew an empty red box and
/// logged a CSP error. The same placeholder is written with the <c>hidden</c> attribute instead, and site.css hides
/// an empty summary — no page carries an inline style.
/// </summary>
internal sealed class NoInlineStyleHtmlGenerator(
    IAntiforgery antiforgery, IOptions<MvcViewOptions> options, IModelMetadataProvider metadata, IUrlHelperFactory urls,
    HtmlEncoder encoder, ValidationHtmlAttributeProvider validation)
    : DefaultHtmlGenerator(antiforgery, options, metadata, urls, encoder, validation)
{
    private readonly HtmlEncoder _encoder = encoder;

    public override TagBuilder GenerateValidationSummary(ViewContext viewContext, bool excludePropertyErrors, string message, string headerTag, object htmlAttributes)
    {
        var tag = base.GenerateValidationSummary(viewContext, excludePropertyErrors, message, headerTag, htmlAttributes);
        if (tag is null || !tag.HasInnerHtml)
        {
            return tag!;
        }
        using var inner = new StringWriter();
        tag.InnerHtml.WriteTo(inner, _encoder);
        var html = inner.ToString();
        if (html.Contains("style=\"display:none\"", StringComparison.Ordinal))
        {
            tag.InnerHtml.Clear();
            tag.InnerHtml.AppendHtml(html.Replace("style=\"display:none\"", "hidden", StringComparison.Ordinal));
        }
        return tag;
    }
}
