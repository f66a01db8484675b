<?xml version="1.0" encoding="UTF-8"?>
<!--
  verify.xsl: what a scan of a blue code opens. It states plainly whether
  the code is valid, and shows what the code says, so that a doctored
  printout is caught; holder details are masked.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="code-common.xsl"/>

  <xsl:template match="/page" mode="title">蓝码核验</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:choose>
      <xsl:when test="invalid">
        <section class="card verdict verdict-invalid">
          <p class="verdict-mark">✕</p>
          <h1>不是有效的消防蓝码</h1>
          <p>此二维码不是本平台签发的蓝码，或内容已被改动。请以持有人出示的蓝码现场重新扫码核验。</p>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="c" select="code"/>
        <section class="card verdict verdict-{$c/@status}">
          <p class="verdict-mark">
            <xsl:choose>
              <xsl:when test="$c/@status = 'valid' or $c/@status = 'expiring'">✓</xsl:when>
              <xsl:otherwise>!</xsl:otherwise>
            </xsl:choose>
          </p>
          <h1>
            <xsl:choose>
              <xsl:when test="$c/@status = 'revoked'">此蓝码已撤销</xsl:when>
              <xsl:when test="$c/@status = 'expired'"><l:m>此蓝码已过期（有效期至 <span class="nowrap"><xsl:value-of select="$c/@expires"/></span>）</l:m></xsl:when>
              <xsl:when test="$c/@status = 'expiring'"><l:m>有效，即将到期（有效期至 <span class="nowrap"><xsl:value-of select="$c/@expires"/></span>）</l:m></xsl:when>
              <xsl:otherwise><l:m>有效，有效期至 <span class="nowrap"><xsl:value-of select="$c/@expires"/></span></l:m></xsl:otherwise>
            </xsl:choose>
          </h1>
          <xsl:choose>
            <xsl:when test="$c/@status = 'revoked' or $c/@status = 'expired'">
              <p class="note">此蓝码不能再作为学习测试合格的凭证；持有人可重新答题领取新码。</p>
            </xsl:when>
            <xsl:otherwise>
              <p class="note">请核对下列信息与纸质胸卡是否一致。</p>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:apply-templates select="$c" mode="facts"/>
          <xsl:if test="$c/@phone"><p class="note"><l:m>登记手机：<xsl:value-of select="$c/@phone"/></l:m></p></xsl:if>
        </section>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
