<?xml version="1.0" encoding="UTF-8"?>
<!-- access-names.xsl: the words of the access log: whose, which field. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="@subject">
    <xsl:choose>
      <xsl:when test=". = 'person'">居民账号</xsl:when>
      <xsl:when test=". = 'hazard'">隐患报告</xsl:when>
      <xsl:when test=". = 'visit'">参观预约</xsl:when>
      <xsl:when test=". = 'training'">培训预约</xsl:when>
      <xsl:when test=". = 'aid'">烧伤救助申请</xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="@field">
    <xsl:choose>
      <xsl:when test=". = 'phone'">手机号</xsl:when>
      <xsl:when test=". = 'name'">姓名</xsl:when>
      <xsl:when test=". = 'id-number'">身份证号</xsl:when>
      <xsl:when test=". = 'bank-account'">银行账号</xsl:when>
      <xsl:when test=". = 'documents'">证明材料</xsl:when>
      <xsl:when test=". = 'personal'">全部个人信息</xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
