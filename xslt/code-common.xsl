<?xml version="1.0" encoding="UTF-8"?>
<!-- code-common.xsl: how a code's facts and status are shown. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="code" mode="status">
    <span class="status status-{@status}">
      <xsl:choose>
        <xsl:when test="@status = 'revoked'">已撤销</xsl:when>
        <xsl:when test="@status = 'expired'">已过期</xsl:when>
        <xsl:when test="@status = 'expiring'">即将到期</xsl:when>
        <xsl:otherwise>有效</xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="code" mode="facts">
    <dl class="facts">
      <xsl:if test="@holder"><dt>持有人</dt><dd><xsl:value-of select="@holder"/></dd></xsl:if>
      <xsl:if test="@holder-deleted"><dt>持有人</dt><dd>已注销账号（蓝码在有效期内仍然有效）</dd></xsl:if>
      <dt>角色</dt><dd><xsl:value-of select="@role-name"/></dd>
      <dt>所在镇街</dt><dd><xsl:value-of select="@region"/>
        <xsl:if test="@method = 'manual'"><span class="note">（手动选择）</span></xsl:if></dd>
      <dt>领取日期</dt><dd><xsl:value-of select="@issued"/></dd>
      <dt>有效期至</dt><dd><xsl:value-of select="@expires"/></dd>
      <dt>编号</dt><dd><xsl:value-of select="@number"/></dd>
    </dl>
  </xsl:template>
</xsl:stylesheet>
