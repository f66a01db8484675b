<?xml version="1.0" encoding="UTF-8"?>
<!-- code-show.xsl: the holder's page of one code, with its badge. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="code-common.xsl"/>

  <xsl:template match="/page" mode="title">我的蓝码</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="c" select="code"/>
    <section class="card bluecode">
      <h1>消防蓝码 <xsl:apply-templates select="$c" mode="status"/></h1>
      <xsl:if test="$c/@status != 'revoked'">
        <img class="badge-img" src="/v/{$c/@token}/badge-screen.png" alt="消防蓝码胸卡，含核验二维码" width="360" height="540"/>
      </xsl:if>
      <xsl:apply-templates select="$c" mode="facts"/>
      <xsl:choose>
        <xsl:when test="$c/@status = 'revoked'">
          <p class="form-error"><l:m>此蓝码已于 <xsl:value-of select="$c/@revoked"/> 撤销</l:m><xsl:if test="$c/@revoke-reason"><l:m>：<xsl:value-of select="$c/@revoke-reason"/></l:m></xsl:if><l:m>。它不能再作为凭证使用；如有疑问，请联系<xsl:value-of select="/page/jurisdiction/@committee"/>。</l:m></p>
          <p><a class="button" href="/quiz/{$c/@role}">重新答题</a></p>
          <p class="note"><l:m>扫码核验时显示的内容：<a href="/v/{$c/@token}">核验页面</a></l:m></p>
        </xsl:when>
        <xsl:otherwise>
          <div class="no-print">
          <h2>下载胸卡</h2>
          <ul class="downloads">
            <li><a href="/v/{$c/@token}/badge-card.png" download="bluecode-card.png">卡片式胸卡（85.6×54 毫米，打印用）</a></li>
            <li><a href="/v/{$c/@token}/badge-a6.png" download="bluecode-a6.png">A6 胸卡（105×148 毫米，打印用）</a></li>
            <li><a href="/v/{$c/@token}/badge-screen.png" download="bluecode.png">手机屏幕版</a></li>
          </ul>
          <p class="note">在微信等应用内打开时，如无法下载，可长按上方胸卡图片保存到相册。</p>
          </div>
          <p class="note"><l:m>扫描二维码可核验真伪：<a href="/v/{$c/@token}">核验页面</a></l:m></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="current-code and current-code/@id != $c/@id and $c/@status != 'revoked'">
          <p class="flash-inline"><l:m>这张蓝码已续期：新的蓝码有效期至 <span class="nowrap"><xsl:value-of select="current-code/@expires"/></span>。</l:m><a href="/my/{current-code/@id}">查看新的蓝码</a></p>
        </xsl:when>
        <xsl:when test="$c/@status = 'expired' or $c/@status = 'expiring'">
          <p><a class="button" href="/quiz/{$c/@role}">重新答题续期</a></p>
        </xsl:when>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
