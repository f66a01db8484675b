<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-regions.xsl: the streets and towns of the jurisdiction with their
  resident population and English name, each editable, named in Chinese
  in both languages (as the offices' figures name them); the monthly
  target is 1% of the population. A refused form names the street or town and
  why (error/@code, admin/settings.c).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">镇街常住人口</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>镇街常住人口</h1>
      <p><a href="/admin">返回管理首页</a></p>
      <p class="note">每月推进目标为常住人口的 1%。修改后管理首页和统计随即使用新数字；不知道时留空，记为“未录入”。</p>
      <xsl:if test="error">
        <p class="form-error" role="alert">
          <l:m><xsl:value-of select="regions/region[@id = current()/error/@region]/@name"/>：<xsl:apply-templates select="error/@code"/></l:m>
        </p>
      </xsl:if>
      <table class="regions">
        <thead>
          <tr><th>镇街</th><th>常住人口与英文名称</th><th class="n nowrap">月目标</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="regions/region">
            <tr id="region-{@id}">
              <td class="nowrap"><xsl:value-of select="@name"/></td>
              <td>
                <form method="post" action="/admin/regions/{@id}" class="inline-form">
                  <xsl:call-template name="csrf"/>
                  <input name="population" type="number" min="1" max="20000000" value="{@population}"
                      aria-label="{@name}常住人口"/>
                  <input name="name_en" type="text" value="{@name-en}" maxlength="64" lang="en"
                      placeholder="英文名称" aria-label="{@name}英文名称"/>
                  <button type="submit" class="button secondary">保存</button>
                </form>
              </td>
              <td class="n">
                <xsl:call-template name="num">
                  <xsl:with-param name="n" select="@target"/>
                  <xsl:with-param name="none" select="'未录入'"/>
                </xsl:call-template>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
        <tfoot>
          <tr>
            <th>合计</th>
            <td><xsl:call-template name="num"><xsl:with-param name="n" select="regions/@population"/></xsl:call-template></td>
            <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="regions/@target"/></xsl:call-template></td>
          </tr>
        </tfoot>
      </table>
      <xsl:if test="regions/@unknown &gt; 0">
        <p class="note"><l:m>有 <xsl:value-of select="regions/@unknown"/> 个镇街的常住人口尚未录入，合计只含已录入的镇街。</l:m></p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- Why a street's or town's form was refused. -->
  <xsl:template match="error/@code">
    <xsl:choose>
      <xsl:when test=". = 'population'">常住人口应为 1–20,000,000 之间的整数；不知道时留空。</xsl:when>
      <xsl:when test=". = 'name_en'">英文名称最长 64 个字符，且为一行；没有时留空。</xsl:when>
      <xsl:otherwise>这项设置未能保存。</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
