<?xml version="1.0" encoding="UTF-8"?>
<!--
  unit-join.xsl: what a unit's poster QR opens (/join/CODE): the unit,
  and the button that asks to join it, or the way to sign in first.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">加入单位</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="j" select="join"/>
    <section class="card narrow">
      <h1><l:m>加入 <xsl:value-of select="$j/@name"/></l:m></h1>
      <dl class="facts">
        <dt>类型</dt>
        <dd><xsl:choose><xsl:when test="$j/@key = 1">重点单位</xsl:when><xsl:otherwise>一般单位</xsl:otherwise></xsl:choose></dd>
        <dt>所在镇街</dt><dd><xsl:value-of select="$j/@region"/></dd>
        <xsl:if test="$j/@department">
          <dt>主管行业部门</dt><dd><xsl:value-of select="$j/@department"/></dd>
        </xsl:if>
      </dl>
      <xsl:choose>
        <xsl:when test="$j/@status != 'active'">
          <p class="note">这个单位还在等待审核，审核通过后才能加入。</p>
        </xsl:when>
        <xsl:when test="$j/@need-account">
          <p><l:m>申请加入需要先登录账号（手机号和密码）。登录后再扫一次海报，或在“我的单位”输入加入码
            <strong class="join-code"><xsl:value-of select="$j/@code"/></strong>。</l:m></p>
          <p><a class="button" href="/account">登录或注册</a></p>
        </xsl:when>
        <xsl:when test="$j/@mine = 'this'">
          <p>你已经是这个单位的成员（或已申请加入）。</p>
          <p><a class="button" href="/unit">我的单位</a></p>
        </xsl:when>
        <xsl:when test="$j/@mine = 'other'">
          <p>你已经在另一个单位里了。每人同时只能属于一个单位，请先在“我的单位”退出原单位。</p>
          <p><a class="button secondary" href="/unit">我的单位</a></p>
        </xsl:when>
        <xsl:otherwise>
          <form method="post" action="/unit/join" class="form">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="code" value="{$j/@code}"/>
            <p class="note">提交后由单位管理员审核，通过后你的学习和答题计入本单位。</p>
            <button type="submit" class="button">申请加入</button>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
